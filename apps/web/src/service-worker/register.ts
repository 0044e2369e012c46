// The built app registers its service worker (sw.ts) once the page has loaded, so the first visit
// is not slowed; development (`vite`) registers none.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // Plain http on another host than localhost has no service workers: the app still works online.
      console.warn('service worker not registered:', error);
    });
  });
}
