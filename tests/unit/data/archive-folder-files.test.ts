import { describe, expect, it } from 'vitest';
import { folderFilesArchiveLocation } from '../../../src/data/archive/mapped-location';

function file(path: string, text: string): File {
  const f = new File([text], path.split('/').pop()!);
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
}

describe('an archive in a chosen folder', () => {
  it('reads files relative to the folder holding manifest.json', async () => {
    const files = [
      file('arch/manifest.json', '{"m":1}'),
      file('arch/incidents/year=2020/part-0.parquet', 'PAR1'),
      file('arch/summaries/first-screen.json', '{}'),
    ];
    const reads: [string, number][] = [];
    const at = folderFilesArchiveLocation(files, (p, n) => reads.push([p, n]));
    expect(at.name).toBe('arch');
    expect(await at.readText('manifest.json')).toBe('{"m":1}');
    expect(await (await at.readBlob('incidents/year=2020/part-0.parquet')).text()).toBe('PAR1');
    expect(reads).toEqual([
      ['manifest.json', 7],
      ['incidents/year=2020/part-0.parquet', 4],
    ]);
  });

  it('finds the archive one folder down when the parent was chosen', async () => {
    const files = [
      file('parent/notes.txt', 'x'),
      file('parent/arch/manifest.json', '{}'),
      file('parent/arch/a.parquet', 'A'),
    ];
    const at = folderFilesArchiveLocation(files);
    expect(at.name).toBe('parent/arch');
    expect(await (await at.readBlob('a.parquet')).text()).toBe('A');
  });

  it('names a missing listed file and a folder without a manifest', async () => {
    const at = folderFilesArchiveLocation([file('arch/manifest.json', '{}')]);
    await expect(at.readBlob('incidents/year=2021/part-0.parquet')).rejects.toThrow(
      'arch/incidents/year=2021/part-0.parquet is not in the chosen folder',
    );
    expect(() => folderFilesArchiveLocation([file('x/data.csv', 'a')])).toThrow('has no manifest.json');
  });
});
