// Funnelcast's service worker: after the first visit the app works offline.
// scripts/post-build.mjs fills in the version and the list of built files.
//
// Every file is fetched from the network first and from the cache when
// offline. A new build is a new version: it caches its files beside the old
// one and takes over when the page asks (the app offers "Reload to update")
// or when every tab of the old one is closed.
const VERSION = '__VERSION__';
const ASSETS = [] /* __ASSETS__ */;
const CACHE = `funnelcast-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(ASSETS.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('funnelcast-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Network first: online, the app is always the deployed one (the worker's
  // files keep their names from build to build, so a cached copy could
  // mismatch a newer page); offline, the cached build.
  event.respondWith(
    fetch(request).catch(async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const page = await cache.match(new URL('./', self.registration.scope));
        if (page) return page;
      }
      return Response.error();
    }),
  );
});
