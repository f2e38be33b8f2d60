/** A page whose names and descriptions try to inject code into models and reports. */
export const HOSTILE = [
  '---', 'title: "evil */ resource type"', 'doc_type: resourcePageType', '---', '',
  '# evil resource type', '', 'Namespace: microsoft.graph', '', 'Inherits from [entity](entity.md).', '', '## Properties', '',
  '| Property | Type | Description |', '|:--|:--|:--|',
  '| constructor | String | ends */ a comment; then `code` and ${process.exit(1)} and </script><script>alert(1)</script> |',
  '| `__proto__` | String | <img src=x onerror=alert(1)> |',
  '| @microsoft.graph.conflictBehavior | String | @deprecated injected tag |',
  '| a-b | [weird*/type](x.md) | \\u2028 line sep */ /* |',
  '| toString | Int32 | */ export const pwned = 1; /* |',
  '| class | Boolean | "quotes" and \'single\' |',
  '', '### kind values', '', '| Member | Description |', '|:--|:--|', '| a"b | quote |', "| c'd\\\\ | backslash |", '| `${x}` | template |', '',
  '## HTTP request', '', '```http', 'GET /evil/{id*/}', '```', '',
].join('\n');
