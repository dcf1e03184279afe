'use client';

import { usePreferences, type Theme } from '@/lib/client/preferences';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: auto', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles auto (prefers-color-scheme) → light → dark; remembered in localStorage. */
export default function ThemeToggle() {
  const { theme, setTheme } = usePreferences();
  return (
    <button type="button" className="link-button" data-testid="theme-toggle" onClick={() => setTheme(NEXT[theme])}>
      {LABEL[theme]}
    </button>
  );
}
