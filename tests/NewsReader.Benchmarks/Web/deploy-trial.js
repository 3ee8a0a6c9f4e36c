// Click-through of a deployment behind nginx (docs/deploy.md, "How it was tried"): signs in through nginx,
// uploads FILE, then opens the job page (or job JOB-ID's) on each instance directly with the same cookies.
// INSTANCES (space-separated) defaults to http://127.0.0.1:5118 http://127.0.0.1:5128; SHOTS, where screenshots go.
// Usage: BASE=http://127.0.0.1:5138 NEWSREADER_ADMIN_EMAIL=... NEWSREADER_ADMIN_PASSWORD=... node deploy-trial.js FILE [JOB-ID]
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE || __dirname + '/../../NewsReader.E2E/bin/Release/net10.0/.playwright/package');
const instances = (process.env.INSTANCES || 'http://127.0.0.1:5118 http://127.0.0.1:5128').split(' ');
const base = process.env.BASE || 'http://127.0.0.1:5138';
const password = process.env.NEWSREADER_ADMIN_PASSWORD;
const file = process.argv[2];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  await page.goto(base + '/account/sign-in');
  await page.getByLabel('E-mail').fill(process.env.NEWSREADER_ADMIN_EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(u => !u.pathname.startsWith('/account/sign-in'));
  await page.screenshot({ path: (process.env.SHOTS || '.') + '/1-signed-in.png' });
  const node = (await context.cookies()).find(c => c.name === 'newsreader_node');
  console.log('signed in through nginx; sticky cookie', node && node.value);
  await page.goto(base + '/admin/imports');
  await page.locator('#seed-files').setInputFiles(file);
  await Promise.all([
    page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/, { waitUntil: 'commit' }),
    page.getByRole('button', { name: 'Upload and import' }).click(),
  ]);
  const jobUrl = process.argv[3] ? base + '/admin/imports/' + process.argv[3] : page.url();
  console.log('job page', jobUrl);
  // The same job seen on each instance directly, with the same cookies (the sign-in holds on both).
  const cookies = await context.cookies();
  for (const instance of instances) {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await other.addCookies(cookies.map(c => ({ name: c.name, value: c.value, url: instance })));
    const p = await other.newPage();
    await p.goto(instance + new URL(jobUrl).pathname);
    const state = await p.locator('[data-state]').first().getAttribute('data-state');
    console.log(`instance ${instance}: job state ${state}: ${(await p.locator('[role=status], [role=alert]').first().innerText())}`);
    await p.screenshot({ path: `${process.env.SHOTS || '.'}/2-job-on-${new URL(instance).port}-${state}.png` });
    await other.close();
  }
  await page.waitForSelector('[data-state=succeeded]', { timeout: 900000 });
  await page.screenshot({ path: (process.env.SHOTS || '.') + '/3-finished.png', fullPage: false });
  console.log('finished:', await page.locator('[data-state]').first().innerText());
  console.log(await page.locator('main p').nth(0).innerText());
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
