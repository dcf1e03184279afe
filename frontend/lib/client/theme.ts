// Theme storage (no 'use client': the root layout, a server component, inlines the boot script).
import { ZONE_COOKIE } from '../format/date-zone.mjs';

export const THEME_STORAGE_KEY = 'coach.theme';
export type Theme = 'system' | 'light' | 'dark';

/**
 * Runs before first paint (inline in the root layout) so a stored theme never flashes the other one. It also keeps
 * the browser's locale and time zone in a cookie (lib/format/date-zone.mjs) for the server render of the dashboard.
 */
export const THEME_BOOT_SCRIPT =
  `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}` +
  `try{var o=Intl.DateTimeFormat().resolvedOptions(),z=encodeURIComponent((o.locale||'')+'|'+(o.timeZone||''));` +
  `if(('; '+document.cookie+';').indexOf('; ${ZONE_COOKIE}='+z+';')<0)document.cookie='${ZONE_COOKIE}='+z+';path=/;max-age=31536000;samesite=lax'}catch(e){}`;
