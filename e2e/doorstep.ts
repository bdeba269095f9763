export { startDoorstep } from '@doorstep/testkit';

export const chromiumPath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--no-first-run',
];

export const DEMO = {
  lead: '00000000-0000-4000-8000-000000000101',
  frontline: '00000000-0000-4000-8000-000000000102',
  contractor: '00000000-0000-4000-8000-000000000103',
};
