/**
 * The Node globals Sequelize's dependencies read, set before anything else
 * in the worker is evaluated (import this module first). The polyfill plugin
 * injects them into the page's build, but Vite 8 builds the worker with its
 * own Rolldown options and its bundle did not get `Buffer`
 * (shared/DESIGN.md, "Facts learned"), so the worker sets them itself.
 */
import { Buffer } from 'buffer';
import process from 'process';

const scope = globalThis as unknown as Record<'Buffer' | 'process' | 'global', unknown>;
scope.Buffer ??= Buffer;
scope.process ??= process;
scope.global ??= globalThis;
