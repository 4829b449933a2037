import { definePeerlabConfig } from '@peerlab/testing';

export default definePeerlabConfig();
