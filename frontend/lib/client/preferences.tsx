'use client';
// The rider's display preferences, kept in localStorage: units (metric / imperial) and theme (system / light / dark).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { formatDistance, formatElevation, formatSpeed, parseUnits, UNITS_STORAGE_KEY, type Units } from '../format/units.mjs';

import { THEME_STORAGE_KEY, type Theme } from './theme';

export type { Theme };

type Preferences = {
  units: Units;
  setUnits: (units: Units) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  distance: (meters: number | null | undefined, digits?: number) => string;
  elevation: (meters: number | null | undefined) => string;
  speed: (mps: number | null | undefined) => string;
};

const PreferencesContext = createContext<Preferences | null>(null);

const parseTheme = (value: unknown): Theme => (value === 'light' || value === 'dark' ? value : 'system');

export function PreferencesProvider({ children }: { children: React.ReactNode }) {
  // Server render and first client render agree on the defaults; the stored values apply right after mount.
  const [units, setUnitsState] = useState<Units>('metric');
  const [theme, setThemeState] = useState<Theme>('system');

  useEffect(() => {
    setUnitsState(parseUnits(localStorage.getItem(UNITS_STORAGE_KEY)));
    setThemeState(parseTheme(localStorage.getItem(THEME_STORAGE_KEY)));
    const onStorage = (event: StorageEvent) => {
      if (event.key === UNITS_STORAGE_KEY) setUnitsState(parseUnits(event.newValue));
      if (event.key === THEME_STORAGE_KEY) setThemeState(parseTheme(event.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const setUnits = useCallback((next: Units) => {
    localStorage.setItem(UNITS_STORAGE_KEY, next);
    setUnitsState(next);
  }, []);

  const setTheme = useCallback((next: Theme) => {
    if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
    applyTheme(next);
    setThemeState(next);
  }, []);

  const value = useMemo<Preferences>(
    () => ({
      units,
      setUnits,
      theme,
      setTheme,
      distance: (m, digits) => formatDistance(m, units, digits),
      elevation: (m) => formatElevation(m, units),
      speed: (mps) => formatSpeed(mps, units),
    }),
    [units, setUnits, theme, setTheme],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}

/** data-theme on <html>: absent follows prefers-color-scheme (globals.css). */
export function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

