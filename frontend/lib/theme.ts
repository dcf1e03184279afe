// Theme storage (no 'use client': the root layout, a server component, inlines the boot script).
export const THEME_STORAGE_KEY = 'coach.theme';
export type Theme = 'system' | 'light' | 'dark';

/** Runs before first paint (inline in the root layout) so a stored theme never flashes the other one. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
