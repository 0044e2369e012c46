// The service worker: the built app kept on the device so it opens with no signal after a first
// visit. One cache per build, named by a hash of the build's file list and filled from that list
// when the worker installs (scripts/service-worker-plugin.ts writes both in at build time); older
// builds' caches are dropped when it takes over. GraphQL and everything else the app asks the API
// is never cached here: a reporter's pending reports live in IndexedDB (src/outbox/).

/** The build's files, e.g. `/assets/index-Ch3x.js`, and `/index.html`. */
declare const __MUSTER_PRECACHE__: readonly string[];
/** A hash of the build's file list and page. */
declare const __MUSTER_CACHE_VERSION__: string;

// The WebWorker library's types clash with the DOM's in one project: the few used here, by hand.
type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  respondWith(response: Promise<Response>): void;
};
type WorkerScope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const worker = self as unknown as WorkerScope;
const FILES = new Set<string>(__MUSTER_PRECACHE__);
const CACHE_PREFIX = 'muster-app-';
const CACHE = `${CACHE_PREFIX}${__MUSTER_CACHE_VERSION__}`;
const PAGE = '/index.html';
/** Longest wait for the page from the network before the kept one is shown (weak signal). */
const PAGE_TIMEOUT_MS = 4000;
/** Paths the app's page is never answered for: the API's own pages and data. */
const API_PATHS = ['/graphql', '/export/'];

worker.addEventListener('install', (event) => {
  // `reload`: the files from the server, not from the browser's HTTP cache of an older build.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...FILES].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

/** The page from the network when it answers well in time, else the one kept with this build. */
async function page(request: Request): Promise<Response> {
  const fromNetwork = fetch(request);
  try {
    const timedOut = new Promise<never>((_, reject) => setTimeout(reject, PAGE_TIMEOUT_MS));
    const answered = await Promise.race([fromNetwork, timedOut]);
    if (answered.ok) return answered;
  } catch {
    // No signal, or too slow: the kept page below.
  }
  const kept = await caches.open(CACHE).then((cache) => cache.match(PAGE));
  return kept ?? fromNetwork;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (API_PATHS.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (FILES.has(url.pathname)) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(url.pathname))
        .then((kept) => kept ?? fetch(request)),
    );
  }
});
