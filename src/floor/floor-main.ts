/**
 * The floor page: the least a page can do to show a scenario's statements
 * (decode the permalink, run the scenario in the engine worker with the same
 * bundle recipe, print what Sequelize executed) with no UI framework, no
 * editor and no styling. `npm run bench:web` measures the playground
 * against it, and the worker browser test uses it to compare the worker
 * with Node. All text goes in through `textContent`, never as HTML.
 */
import seedScenario from '../../test/fixtures/seed-add-column.json';
import { createEngineClient } from '../engine-client/engine-client';
import type { ModeResult } from '../engine/result';
import { parseScenario, withDefaults, type Mode, type ScenarioInput } from '../engine/scenario';
import { decodePermalink, isPermalinkHash } from '../permalink/permalink-codec';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node;
}

function modeSection(mode: Mode): HTMLElement {
  const section = element('section');
  section.dataset.testid = 'mode-' + mode;
  section.dataset.status = 'running';
  section.append(element('h2', mode), element('ol'), element('pre'));
  return section;
}

function showMode(section: HTMLElement, result: ModeResult): void {
  const list = section.querySelector('ol');
  for (const entry of result.log) {
    const item = element('li', entry.sql);
    item.dataset.sql = entry.sql;
    item.dataset.phase = entry.phase;
    list?.append(item);
  }
  const output = section.querySelector('pre');
  if (output) {
    output.dataset.testid = 'console';
    output.textContent = result.console.join('\n');
  }
  if (result.error) {
    const error = element('p', `${result.error.phase}: ${result.error.name}: ${result.error.message}`);
    error.setAttribute('role', 'alert');
    section.append(error);
  }
  section.dataset.status = 'done';
}

function showFailure(status: HTMLElement, error: unknown): void {
  status.textContent = error instanceof Error ? error.message : String(error);
  status.setAttribute('role', 'alert');
}

/** The permalink's scenario, or the seed's. */
function readScenario(): ScenarioInput {
  return isPermalinkHash(window.location.hash) ? decodePermalink(window.location.hash) : parseScenario(seedScenario);
}

async function main(): Promise<void> {
  const status = byId('status');
  let scenario;
  try {
    scenario = withDefaults(readScenario());
  } catch (error) {
    showFailure(status, error);
    return;
  }
  byId('title').textContent = scenario.title;
  const sections = new Map(scenario.modes.map((mode) => [mode, modeSection(mode)] as const));
  byId('modes').append(...sections.values());

  const client = createEngineClient({ onReady: () => (status.textContent = 'Running…') });
  try {
    const result = await client.run(scenario);
    for (const mode of result.modes) {
      const section = sections.get(mode.mode);
      if (section) showMode(section, mode);
    }
    status.textContent = `Sequelize ${result.sequelizeVersion} on SQLite (sql.js)`;
  } catch (error) {
    showFailure(status, error);
  }
}

void main();
