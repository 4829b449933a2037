import { check, newRoom, type Tab } from './check-app.ts';
import { click, element } from './page-elements.ts';
import { waitFor } from './wait-for.ts';

const PHOTO = 'Snap and Send show the photo in the other tab, 640×480';

/** Snaps on `sender` and sends to the other tab, as a learner would. */
async function snapAndSend(sender: Tab, tabs: readonly Tab[]): Promise<void> {
  await click(sender, '#snap', 'the Snap button, id="snap"');
  const send = await element(sender, '#send', 'the Send button, id="send"');
  await waitFor(() => send.isEnabled(), Boolean, {
    expected: 'Send enabled once the photo channel to the other tab is open',
    got: () => 'it stays disabled',
    timeout: 20_000,
    tabs,
  });
  await send.click();
}

check(
  PHOTO,
  {
    hint: 'Both sides: pc.createDataChannel("photo", { negotiated: true, id: 1 }). #snap draws the camera frame on a <canvas> and encodes it with toBlob; #send sends a JSON header, then the bytes in chunks; the receiver joins them in a Blob and adds an <img> to #received. See "One channel, opened on both sides" and "Receive, check, ack".',
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await snapAndSend(tabs[0]!, tabs);
    const size = () =>
      tabs[1]!.page.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('#received img');
        if (!img) return undefined;
        await img.decode().catch(() => {});
        return [img.naturalWidth, img.naturalHeight];
      });
    await waitFor(size, (found) => found?.[0] === 640 && found[1] === 480, {
      expected: 'an <img> of 640×480 in tab 2’s #received',
      got: (found) => (found ? `the image there is ${found.join('×')}` : '#received has no <img>'),
      timeout: 10_000,
      tabs,
    });
  },
);

check(
  'Both tabs show the transfer’s progress',
  {
    hint: 'Set <progress id="send-progress">.max (sender) and <progress id="receive-progress">.max (receiver) to the photo’s size in bytes, and .value to the bytes sent or received so far, so both end full. See "Progress and the gallery".',
    needs: [PHOTO],
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await snapAndSend(tabs[0]!, tabs);
    for (const [tab, id] of [
      [tabs[0]!, '#send-progress'],
      [tabs[1]!, '#receive-progress'],
    ] as const) {
      await element(tab, id, `a <progress id="${id.slice(1)}">`);
      const bar = () =>
        tab.page
          .locator(id)
          .evaluate((bar: HTMLProgressElement) => ({ value: bar.value, max: bar.max }));
      await waitFor(bar, ({ value, max }) => value > 1 && value === max, {
        expected: `${tab.name}’s ${id} full: value equal to max, the photo’s size in bytes`,
        got: ({ value, max }) => `value ${value}, max ${max}`,
        timeout: 10_000,
      });
    }
  },
);

check(
  'Send waits for someone to send to',
  {
    hint: 'Alone in the room, #snap works and #send stays disabled, with the reason in <span id="send-reason">: enable Send once the photo channel is open ("open"), disable it again on "close". See "Send, and when you can\'t".',
  },
  async ({ openTabs }) => {
    const query = `?room=${newRoom()}`;
    const [alone] = await openTabs(1, { query });
    await click(alone!, '#snap', 'the Snap button, id="snap"');
    const reason = await element(alone!, '#send-reason', 'a <span id="send-reason">');
    await waitFor(async () => (await reason.textContent())?.trim() ?? '', Boolean, {
      expected: '#send-reason saying why Send is off',
      got: () => '#send-reason is empty',
      timeout: 5_000,
    });
    const send = await element(alone!, '#send', 'the Send button, id="send"');
    if (await send.isEnabled()) {
      await waitFor(async () => !(await send.isEnabled()), Boolean, {
        expected: 'Send disabled while nobody else is in the room',
        got: () => 'it is enabled',
        timeout: 2_000,
      });
    }
    await openTabs(1, { query, firstNumber: 2 });
    await waitFor(() => send.isEnabled(), Boolean, {
      expected: 'Send enabled once a second tab joined',
      got: () => 'it stays disabled',
      timeout: 20_000,
      tabs: [alone!],
    });
  },
);
