import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR } from './browser';

const run = promisify(execFile);

/** A file the browser downloaded: the name it was offered under, and where it lies. */
export interface Downloaded {
  name: string;
  path: string;
}

/** Clicks `button` and waits for the file it makes the browser download. */
export async function downloadBy(page: Page, button: Locator): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const path = await download.path();
  if (!path) throw new Error(`the download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return { name: download.suggestedFilename(), path };
}

/**
 * The words of a downloaded file as a reader meets them, spaces made single: a DOCX read
 * back by mammoth, a PDF by poppler's pdftotext, the text formats as they are.
 */
export async function wordsOf(file: Downloaded): Promise<string> {
  let text: string;
  if (file.name.endsWith('.docx')) text = (await mammoth.extractRawText({ path: file.path })).value;
  else if (file.name.endsWith('.pdf')) text = (await run('pdftotext', ['-enc', 'UTF-8', file.path, '-'])).stdout;
  else text = await readFile(file.path, 'utf8');
  return text.replace(/\s+/g, ' ');
}

/** Markdown as it reads once rendered: its backslash escapes and character references undone. */
export function readMarkdown(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>=~&"'])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The file's address under the name it was offered with: the browser keeps a download under a
 * bare id, and a file without its extension would open as plain text, not as the page it is.
 */
export async function addressOf(file: Downloaded): Promise<string> {
  const named = join(await mkdtemp(join(tmpdir(), 'flet-download-')), file.name);
  await copyFile(file.path, named);
  return pathToFileURL(named).href;
}

/** Keeps a copy of a downloaded file beside the screenshots (test-results/), to be looked at. */
export async function keep(file: Downloaded, name: string): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await copyFile(file.path, join(RESULTS_DIR, name));
}
