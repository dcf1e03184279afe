/** @type {import('next').NextConfig} */
const nextConfig = {
  // Self-contained server in .next/standalone (frontend/Dockerfile, Aspire PublishAsDockerFile).
  output: 'standalone',
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
