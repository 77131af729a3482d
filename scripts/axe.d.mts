import type { Page } from 'playwright-core';
export function expectAccessiblePage(page: Page): Promise<void>;
