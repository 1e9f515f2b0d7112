/**
 * "Download reproduction (.zip)": a Node project that runs the scenario on
 * the pinned Sequelize with native sqlite3, or pg and a PostgreSQL server,
 * and prints the same log. The engine worker writes the files; this zips
 * and saves them.
 */
import type { ReproductionFiles } from '../export/repro-export';
import type { ScenarioInput } from '../engine/scenario';
import { saveFile } from '../share/save-file';
import { scenarioFileName } from '../share/scenario-file';

interface ReproductionButtonProps {
  scenario: ScenarioInput;
  exportReproduction(scenario: ScenarioInput): Promise<ReproductionFiles>;
  onStatus(status: { text: string; warn: boolean }): void;
}

export function ReproductionButton({ scenario, exportReproduction, onStatus }: ReproductionButtonProps) {
  const download = async () => {
    try {
      const [files, { reproductionZip }] = await Promise.all([exportReproduction(scenario), import('../share/reproduction-zip')]);
      const folder = scenarioFileName(scenario, '-repro');
      saveFile(new Blob([reproductionZip(files, folder)], { type: 'application/zip' }), `${folder}.zip`);
      const server = scenario.dialect === 'postgres' ? ' with PGHOST and PGUSER naming a PostgreSQL server (see its README)' : '';
      onStatus({ text: `Saved ${folder}.zip: unzip, then npm install && node repro.js${server}`, warn: false });
    } catch (error) {
      onStatus({ text: `No reproduction: ${error instanceof Error ? error.message : String(error)}`, warn: true });
    }
  };
  return (
    <button type="button" className="more__item" data-testid="download-repro" onClick={() => void download()}>
      Download reproduction (.zip)
    </button>
  );
}
