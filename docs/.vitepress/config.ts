import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';
import { withMermaid } from 'vitepress-plugin-mermaid';
import { SRC_EXCLUDE } from '../scripts/site-pages.ts';
import { codeCaptions } from './code-captions-plugin.ts';
import { codelabSidebar } from './codelab-sidebar.ts';

// The codelab's sidebar is read from docs/codelab/ when the site is built (or `vitepress dev`
// starts), so a new step page shows up by itself and a missing one is never linked.
const codelabDir = fileURLToPath(new URL('../codelab/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default withMermaid(
  defineConfig({
    title: 'PeerLab',
    description:
      'Learn WebRTC by building it: a codelab, demos, and how the servers behind them work.',
    lang: 'en',
    // The hub serves the built site at /docs/, beside the apps it serves at / and below.
    base: '/docs/',
    // Inside docs/, where turbo caches a workspace's dist/**.
    outDir: 'dist',
    srcExclude: SRC_EXCLUDE,
    cleanUrls: true,
    themeConfig: {
      nav: [
        { text: 'Codelab', link: '/codelab/' },
        { text: 'Data-channel chat', link: '/datachannel-chat' },
        { text: 'File share', link: '/file-share' },
        { text: 'Servers', link: '/servers' },
        { text: 'Protocol', link: '/protocol' },
        { text: 'Troubleshooting', link: '/troubleshooting' },
        { text: 'Glossary', link: '/glossary' },
        { text: 'Architecture', link: '/architecture' },
      ],
      sidebar: [
        {
          text: 'Codelab',
          items: [
            { text: 'How the codelab works', link: '/codelab/' },
            ...codelabSidebar(codelabDir),
          ],
        },
        {
          text: 'Demos',
          items: [
            { text: 'Data-channel chat', link: '/datachannel-chat' },
            { text: 'File share', link: '/file-share' },
          ],
        },
        {
          text: 'Reference',
          items: [
            { text: 'Servers: signaling, STUN, TURN', link: '/servers' },
            { text: 'The signaling protocol', link: '/protocol' },
            { text: 'Troubleshooting', link: '/troubleshooting' },
            { text: 'Glossary', link: '/glossary' },
            { text: 'Architecture', link: '/architecture' },
          ],
        },
      ],
      search: { provider: 'local' },
      outline: { level: [2, 3] },
    },
    // Every codelab code block says which file it belongs to and what to do with it.
    markdown: { config: (md) => codeCaptions(md, { repoRoot }) },
    mermaid: {},
    vite: {
      // Mermaid's renderer (~700 kB, loaded from the hub on the same machine) is one chunk.
      build: { chunkSizeWarningLimit: 1000 },
    },
  }),
);
