/**
 * The runner says where it is (section and phase) as each phase starts,
 * and when the phases are over: the page's watchdog watches user code only
 * and names where it ran away.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';

describe('runScenario onPhase', () => {
  it('reports each phase as it starts, and none after a phase fails', async () => {
    const seen: string[] = [];
    await runScenario(
      {
        format: 'sync-playground/scenario@1',
        setup: "sequelize.define('T', { a: DataTypes.STRING }); await sequelize.sync();",
        models: "sequelize.define('T', { a: DataTypes.STRING });",
        modes: ['sync', 'drop'],
      },
      { host: createSqljsHost(await loadSqlJsInNode()), onPhase: (stage, phase) => seen.push(`${stage}:${phase}`) },
    );
    expect(seen).toEqual([
      ...['baseline:setup', 'baseline:null'],
      ...['sync:models', 'sync:operation', 'sync:after', 'sync:null'],
      ...['drop:models', 'drop:operation', 'drop:after', 'drop:null'],
    ]);

    seen.length = 0;
    await runScenario(
      { format: 'sync-playground/scenario@1', models: "throw new Error('broken models');", modes: ['alter'] },
      { host: createSqljsHost(await loadSqlJsInNode()), onPhase: (stage, phase) => seen.push(`${stage}:${phase}`) },
    );
    expect(seen).toEqual(['baseline:setup', 'baseline:null', 'alter:models', 'alter:null']);
  });
});
