import { launchBrowser } from './browser.mjs';
const WEB_URL='http://127.0.0.1:3410';
const b = await launchBrowser({ viewport: { width: 390, height: 844 } }); const page = await b.context.newPage();
await page.goto(`${WEB_URL}/sign-in`); await page.fill('#apiKey', process.env.API_KEY); await page.click('button[type=submit]'); await page.waitForURL(`${WEB_URL}/`);
for (const path of ['/plan', '/', process.argv[2]].filter(Boolean)) {
await page.goto(`${WEB_URL}${path}`); await page.waitForTimeout(2500);
console.log(path, await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > 395 && r.width > 0) out.push(`${el.tagName}.${el.className}`.slice(0,60) + ' ' + Math.round(r.right)); }
  return [document.documentElement.scrollWidth, out.slice(0, 12)];
}));
}
await b.close();
