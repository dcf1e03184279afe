import { SECURITY_HEADERS } from './lib/security/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Self-contained server in .next/standalone (frontend/Dockerfile, Aspire PublishAsDockerFile).
  output: 'standalone',
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
  reactStrictMode: true,
  // The pages' CSP (with a nonce per response) and HSTS come from proxy.ts.
  headers: async () => [{ source: '/:path*', headers: SECURITY_HEADERS }],
};

export default nextConfig;
