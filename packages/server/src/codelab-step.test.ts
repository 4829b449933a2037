import { describe, expect, test } from 'vitest';
import { findCodelabStep } from './codelab-step.ts';
import type { AppInfo } from './discover-apps.ts';

const app = (id: string, order: number, kind: AppInfo['kind'] = 'codelab'): AppInfo => ({
  id,
  kind,
  dir: `/repo/${id}`,
  path: `/${id}/`,
  title: `Title ${order}`,
  summary: 'One line.',
  order,
  built: false,
});

const apps = [
  app('codelab/step-01-camera', 1),
  app('codelab/step-02-devices', 2),
  app('demos/x', 3, 'demo'),
];

describe('findCodelabStep', () => {
  test('finds a step by its number', () => {
    expect(findCodelabStep(apps, '2').id).toBe('codelab/step-02-devices');
  });

  test('a missing or unknown number lists the steps there are', () => {
    expect(() => findCodelabStep(apps, undefined)).toThrow(
      'Which step? Run: npm run codelab -- N, with N one of: 1 (Title 1), 2 (Title 2).',
    );
    expect(() => findCodelabStep(apps, '3')).toThrow('There is no codelab step 3; the steps are 1');
    expect(() => findCodelabStep(apps, 'six')).toThrow('Which step?');
  });
});
