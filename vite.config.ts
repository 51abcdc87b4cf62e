import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    tailwindcss(),
    remix({
      buildDirectory: process.env.BUILD_DIR ?? 'build',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    // The service worker (decision 016): app/pwa/sw.ts, bundled into the client build as /sw.js with the list
    // of hashed assets to precache. Only the client build gets it (the plugin skips the SSR build). The
    // manifest is public/manifest.webmanifest; the page registers the worker itself (app/pwa/offline-app.tsx).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'app/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['assets/**/*.{js,css}', 'icons/*.{png,svg}', 'manifest.webmanifest'],
        // Notebooks' and charts' chunks are large; a phone still needs them all to open any page offline.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  server: { port: 3000 },
  // BUILD_SOURCEMAP=1 writes source maps, to see which modules fill a chunk (docs/performance.md).
  build: { target: 'es2022', sourcemap: process.env.BUILD_SOURCEMAP === '1' },
})
