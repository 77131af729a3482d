import type { RunOptions } from 'axe-core';
export const AXE_OPTIONS: Readonly<RunOptions>;
