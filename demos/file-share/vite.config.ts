import { peerlabApp } from '@peerlab/vite-preset';
import { defineConfig } from 'vite';

export default defineConfig(peerlabApp());
