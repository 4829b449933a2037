import { definePeerlabConfig } from './src/playwright-config.ts';

export default definePeerlabConfig();
