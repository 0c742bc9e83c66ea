import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import { MetadataError } from '../core/errors.js';
import type { ScannedProject } from './kde-projects-xml.js';

/**
 * The same reading of `kde_projects.xml` as the scanner in
 * kde-projects-xml.ts, done on a full fast-xml-parser tree. Used for
 * documents the scanner leaves alone (DOCTYPE with entity declarations) and,
 * in tests, as an independent reference the scanner must agree with.
 *
 * fast-xml-parser is loaded on first use: importing it costs ~40 ms, which
 * every `kappy` run would otherwise pay.
 */
export function readProjectsFromTree(text: string, file: string): ScannedProject[] {
  const fxp = loadFastXmlParser();
  checkWellFormed(fxp, text, file);

  const parser = new fxp.XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    stopNodes: ['*.member', '*.web', '*.icon', '*.name'],
  });
  const found: ScannedProject[] = [];
  walk(parser.parse(text) as OrderedNode[], file, found, { order: 0 });
  return found;
}

/** One element in fast-xml-parser's `preserveOrder` output. */
type OrderedNode = Record<string, unknown>;

function loadFastXmlParser(): typeof FastXmlParser {
  const require = createRequire(import.meta.url);
  return require('fast-xml-parser') as typeof FastXmlParser;
}

function checkWellFormed(fxp: typeof FastXmlParser, text: string, file: string): void {
  const result = fxp.XMLValidator.validate(text);
  if (result === true) return;
  const { msg, line, col } = result.err;
  throw new MetadataError(`malformed XML: ${msg}`, { location: { file, line, column: col } });
}

function walk(nodes: OrderedNode[], file: string, found: ScannedProject[],
  counter: { order: number }): void {
  for (const node of nodes) {
    const name = tagName(node);
    if (!name) continue;
    const order = counter.order++;
    const children = childrenOf(node, name);

    const repo = children.find((child) => tagName(child) === 'repo');
    if (repo) found.push(readProject(order, children, repo, file));
    walk(children, file, found, counter);
  }
}

function readProject(order: number, children: OrderedNode[], repoNode: OrderedNode,
  file: string): ScannedProject {
  const path = textOf(children, 'path');
  if (!path) {
    throw new MetadataError('an element has a <repo> but no <path>; every project needs a path',
      { location: { file } });
  }

  const repoChildren = childrenOf(repoNode, 'repo');
  const project: ScannedProject = {
    order,
    path,
    repositories: readKeyed(repoChildren, 'url', 'protocol'),
    branches: readKeyed(repoChildren, 'branch', 'i18n'),
    active: textOf(repoChildren, 'active') !== 'false',
  };
  delete project.repositories.tarball;

  const description = textOf(children, 'description');
  if (description) project.description = description;
  return project;
}

function readKeyed(children: OrderedNode[], tag: string, attribute: string):
  Record<string, string> {
  const result: Record<string, string> = {};
  for (const child of children) {
    if (tagName(child) !== tag) continue;
    const key = attributesOf(child)[attribute];
    const value = joinText(childrenOf(child, tag));
    if (typeof key === 'string' && key && value) result[key] = value;
  }
  return result;
}

function textOf(children: OrderedNode[], tag: string): string {
  const child = children.find((node) => tagName(node) === tag);
  return child ? joinText(childrenOf(child, tag)) : '';
}

function joinText(nodes: OrderedNode[]): string {
  return nodes.map((node) => String(node['#text'] ?? '')).join('').trim();
}

function tagName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function childrenOf(node: OrderedNode, name: string): OrderedNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function attributesOf(node: OrderedNode): Record<string, unknown> {
  const value = node[':@'];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
