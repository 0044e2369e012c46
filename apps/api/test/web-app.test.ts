// The web app served beside /graphql (issue 16): files with their types and caching, the app's
// page for its routes, nothing from outside its folder, and GraphiQL's page with no outside URL.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'muster-web-'));
const webDir = path.join(root, 'dist');
const PAGE = '<!doctype html><title>app</title>';
const SCRIPT = 'console.log(1);';
let origin = '';
const server = createHttpServer({ webDir });

beforeAll(async () => {
  mkdirSync(path.join(webDir, 'assets'), { recursive: true });
  writeFileSync(path.join(webDir, 'index.html'), PAGE);
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  symlinkSync(path.join(root, 'secret.txt'), path.join(webDir, 'assets', 'link.txt'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('the web app beside the API', () => {
  it('serves the page at / to be checked again each time, with a policy that allows only this origin', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe(PAGE);
  });

  it('serves hashed assets with their type, to be kept a year', async () => {
    const script = await fetch(`${origin}/assets/index-abc123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT);
    const style = await fetch(`${origin}/assets/index-abc123.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 304 to a browser that already has the file', async () => {
    const first = await fetch(`${origin}/assets/index-abc123.js`);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${origin}/assets/index-abc123.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers the app’s page for its own routes, so a shared link opens the view', async () => {
    const response = await fetch(`${origin}/scenarios/dak-nong-2021/what-if?area=67`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
  });

  it('answers 404 for a missing file rather than the page (a stale asset must not run HTML)', async () => {
    expect((await fetch(`${origin}/assets/index-old.js`)).status).toBe(404);
  });

  it('serves nothing from outside its folder, by dot segments, encoded ones or a symlink', async () => {
    for (const attempt of ['/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await fetch(`${origin}${attempt}`);
      expect(await response.text(), attempt).not.toContain('outside');
    }
    const linked = await fetch(`${origin}/assets/link.txt`);
    expect(linked.status).toBe(404);
  });

  it('refuses writes to the app’s paths', async () => {
    const response = await fetch(`${origin}/`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });

  it('keeps GraphQL at /graphql', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves GraphiQL from the installed package, with no outside script, style or icon', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(page).toContain('renderYogaGraphiQL');
    // Only what the browser would fetch matters: src/href attributes and CSS url()s.
    const fetched = [...page.matchAll(/(?:src|href)=["']([^"']+)["']|url\(["']?([^"')]+)/g)]
      .map((match) => match[1] ?? match[2] ?? '')
      .filter((url) => /^(https?:)?\/\//.test(url));
    expect(fetched).toEqual([]);
  });
});

describe('the web app before it is built', () => {
  it('says how to build it instead of an empty answer', async () => {
    const unbuilt = createHttpServer({ webDir: path.join(root, 'missing') });
    await new Promise<void>((resolve) => unbuilt.listen(0, '127.0.0.1', resolve));
    const port = (unbuilt.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @muster/web build');
    await new Promise<void>((resolve) => unbuilt.close(() => resolve()));
  });
});
