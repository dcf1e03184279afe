import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';
import { THEME_BOOT_SCRIPT } from '@/lib/client/theme';

export const metadata: Metadata = {
  title: 'CyclingCoach',
  description: 'Your self-hosted AI cycling coach',
  icons: { icon: '/icon.svg' },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b6e4f',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: Next.js puts the response's CSP nonce (proxy.ts) on its inline scripts, which a page
  // prerendered at build time could not carry.
  await connection();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
