import { TYPE_CHECK_TITLE } from './type-check.ts';

/**
 * A finished step with one known mistake put back in: the self-test builds it and proves the
 * checker fails it with a hint that names the mistake and its line.
 */
export interface BrokenVariant {
  /** The folder the variant is built in, and the path the hub serves it at. */
  name: string;
  step: number;
  /** The finished step it starts from: `step-06-video-call`. */
  from: string;
  /** The mistake: a file of the step and how it is changed. */
  file: string;
  breaks: (source: string) => string;
  /** The check that must fail, and what its output must say. */
  check: string;
  says: RegExp[];
}

export const BROKEN_VARIANTS: BrokenVariant[] = [
  {
    name: 'step-06-polite-first-offer',
    step: 6,
    from: 'step-06-video-call',
    file: 'src/perfect-negotiation.ts',
    // The guard the issue found missing: without it the polite side offers first, now and then.
    breaks: (source) =>
      source.replace(/^\s*if \(polite && !pc\.remoteDescription\) return;\n/m, ''),
    check: 'The tab that joins second waits for the first tab’s offer',
    says: [
      /if \(polite && !pc\.remoteDescription\) return;/,
      /perfect-negotiation\.ts:\d+/,
      /Expected: .*\nGot: /,
      /tab 2: connectionState/,
    ],
  },
  {
    name: 'step-06-trickle-after-return',
    step: 6,
    from: 'step-06-video-call',
    file: 'src/perfect-negotiation.ts',
    // The trickle-ICE code typed after negotiate()'s return, where it never runs.
    breaks: (source) => {
      const trickle = /^ {2}pc\.onicecandidate = [\s\S]*?^ {2}\};\n/m.exec(source)?.[0] ?? '';
      // The last line that closes a block at column 0 is negotiate()'s own.
      return source
        .replace(trickle, '')
        .replace(/\n\}\n(?=(\/\/ #endregion [\w-]+\n)?$)/, `\n${trickle}}\n`);
    },
    check: 'Two tabs in one room connect, and each plays the other’s video',
    says: [
      /never sends one/,
      /perfect-negotiation\.ts:\d+ sets pc\.onicecandidate/,
      /after the `return` on line \d+/,
      /ICE candidates: \d+ found, 0 sent, 0 received/,
    ],
  },
  {
    name: 'step-01-video-not-muted',
    step: 1,
    from: 'step-01-camera',
    file: 'index.html',
    breaks: (source) =>
      source.replace(
        '<video id="video" autoplay muted playsinline>',
        '<video id="video" autoplay>',
      ),
    check: 'Start shows your camera in the video',
    says: [/no muted and no playsinline/, /index\.html:\d+: <video id="video" autoplay>/],
  },
  {
    name: 'step-06-undefined-type',
    step: 6,
    from: 'step-06-video-call',
    file: 'src/perfect-negotiation.ts',
    // The type the page once used without showing it: the build passes, tsc does not.
    breaks: (source) => source.replace(/^type FullCandidate = .*\n/m, ''),
    check: TYPE_CHECK_TITLE,
    says: [/perfect-negotiation\.ts:\d+:\d+ Cannot find name 'FullCandidate'/],
  },
  {
    name: 'step-02-no-devicechange',
    step: 2,
    from: 'step-02-devices',
    file: 'src/main.ts',
    breaks: (source) =>
      source.replace(
        /^navigator\.mediaDevices\?\.addEventListener\('devicechange'[\s\S]*?^\}\);\n/m,
        '',
      ),
    check: 'A devicechange event fills the lists again',
    says: [/Expected: #camera listing its \d+ camera\(s\) again/],
  },
  {
    name: 'step-05-no-leave',
    step: 5,
    from: 'step-05-signaling',
    file: 'src/main.ts',
    breaks: (source) =>
      source.replace("addEventListener('pagehide', () => socket.emit('leave'));\n", ''),
    check: 'Closing a tab tells the other tab at once',
    says: [/#peers still lists/],
  },
];
