'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { EventsProvider } from '@/lib/client/events';
import { PreferencesProvider } from '@/lib/client/preferences';
import LiveIndicator from './LiveIndicator';
import SyncState from './SyncState';
import ThemeToggle from './ThemeToggle';

export const PAGES = [
  { href: '/', label: 'Dashboard' },
  { href: '/workouts', label: 'Workouts' },
  { href: '/plan', label: 'Plan' },
  { href: '/library', label: 'Library' },
  { href: '/rules', label: 'Rules' },
  { href: '/routes', label: 'Routes' },
  { href: '/coach', label: 'Coach' },
  { href: '/prompts', label: 'Prompts' },
  { href: '/settings', label: 'Settings' },
];

const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

export default function AppShell({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  // A link followed (or Escape) closes the phone menu.
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <PreferencesProvider>
      <EventsProvider>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <div className="topbar-row">
            <Link href="/" className="brand">
              CyclingCoach
            </Link>
            <div className="topbar-status">
              <SyncState />
              <LiveIndicator />
            </div>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
            </button>
          </div>
          <nav id="site-nav" className={menuOpen ? 'site-nav open' : 'site-nav'} aria-label="Main">
            <ul>
              {PAGES.map((page) => (
                <li key={page.href}>
                  <Link href={page.href} aria-current={isCurrent(pathname, page.href) ? 'page' : undefined}>
                    {page.label}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="nav-tools">
              <ThemeToggle />
              <form method="post" action="/auth/sign-out">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </div>
          </nav>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
      </EventsProvider>
    </PreferencesProvider>
  );
}
