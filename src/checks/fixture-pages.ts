/**
 * Builders for the small docs trees that rules carry as executable examples (`fixture` on a
 * rule: the `before` tree makes the rule fire, the `after` tree does not; test/rule-examples.test.ts
 * runs every one). Pages are markdown in the Graph reference format.
 */
export type Tree = Record<string, string>;

export function opPage(title: string, method: string, path: string, more = ''): string {
  return `# ${title}\n\n## HTTP request\n\n\`\`\`http\n${method} ${path}\n\`\`\`\n${more}`;
}

export function permissionsSection(rows: [string, string][], order = 'least to most'): string {
  return `\n## Permissions\n\n|Permission type|Permissions (from ${order} privileged)|\n|:--|:--|\n${rows.map(([a, b]) => `|${a}|${b}|`).join('\n')}\n`;
}

export function responseSection(text: string): string {
  return `\n## Response\n\n${text}\n`;
}

export function resourcePage(name: string, props: string[], extra = ''): string {
  return `# ${name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n${props.join('\n')}\n${extra}`;
}

export function exampleSection(request: string, response: string): string {
  return `\n## Example\n\n### Request\n\n\`\`\`http\n${request}\n\`\`\`\n\n### Response\n\n\`\`\`http\n${response}\n\`\`\`\n`;
}

export function bodySection(rows: string[], type = 'widget'): string {
  return `\n## Request body\n\nIn the request body, supply a JSON representation of the [${type}](../resources/${type}.md) object.\n\n|Property|Type|Description|\n|:--|:--|:--|\n${rows.join('\n')}\n`;
}

export function headersSection(rows: [string, string][]): string {
  return `\n## Request headers\n\n|Name|Description|\n|:--|:--|\n${rows.map(([a, b]) => `|${a}|${b}|`).join('\n')}\n`;
}
