/**
 * Runs of two to `max` consecutive words, each joined into one word: how a heading or a table's resource cell spells a
 * camel-cased path segment in words ("Azure resources" → azureresources for azureResources, "Cloud PC" → cloudpc,
 * "Device management (Intune)" → devicemanagement). The caller normalizes the words and compares the runs with the path.
 */
export function joinedRuns(words: readonly string[], max = 3): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) for (let n = 2; n <= max && i + n <= words.length; n++) out.push(words.slice(i, i + n).join(''));
  return out;
}
