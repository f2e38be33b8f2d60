import { csdlTypeText, typeKey, type MetadataRule } from '../types.js';
import { at, op } from '../fixtures.js';
import { relatedTypeNames, resourceGets } from '../calls.js';
import { canonicalPath } from '../../../model/identity.js';
import type { DocsOperation } from '../docs-side.js';

const CSDL = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><EntityType Name="directoryObject" BaseType="graph.entity" /><EntityType Name="user" BaseType="graph.directoryObject"><NavigationProperty Name="manager" Type="graph.directoryObject" /><NavigationProperty Name="events" Type="Collection(graph.event)" /></EntityType><EntityType Name="event" BaseType="graph.entity" /><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';
const get = (path: string, name: string, collection: boolean): DocsOperation => ({ ...op(`GET ${path}`), response: { name, collection, src: at('api/x.md', 50) } });

export const rule: MetadataRule = {
  id: 'metadata-response-type-differs',
  severity: 'warning',
  summary: 'The response type a page states for a GET of an entity set, singleton or navigation property is not the type the service declares there',
  description: 'For each documented GET whose path resolves, segment by segment, to an entity set, a singleton, a navigation property or a structured property of the metadata (not to an action or function call: metadata-operation-return-differs compares those), the response body type the page\'s Response section states ("a collection of [event] objects") is compared with the type the path reaches: the same type by local name, ignoring letter case (a type derived from the declared one, or its base type, is not reported: GET /users/{id}/manager is declared a directoryObject and returns a user), and a collection where the path addresses one (a key, or a key written as a segment — `/mailFolders/inbox` —, makes it one). A page may name the resource by its entity set or navigation property ("a collection of **secureScores** objects"), unless that name is a type too ("[photo](../resources/photo.md)" for GET /users/{id}/photo names driveItem\'s photo facet, not profilePhoto). Paths the walk does not follow (`$value`, `$count`, `$ref`, a colon path, an ellipsis, a primitive property) are not compared, nor a path where a name that is a member of a collection\'s type stands where its key should (`…/sort/fields/icon`: a key left out, not a key written as a segment). A stated type that the docs define under a name the service does not know is not reported here (the type\'s name differs: metadata-type-missing reports it). When the section states one item of the collection the request line addresses, and the page\'s example GETs an item of it, the finding says the request line leaves out the key. A Response section whose page documents GETs of different resources (a list and its items\' `resource`) is not compared: which one it speaks of is not known; one whose paths reach one resource is reported once.',
  example: {
    before: { docs: { operations: [get('/users/{}/events', 'event', false)] }, csdl: CSDL },
    after: { docs: { operations: [get('/users/{}/events', 'event', true), get('/users/{}/manager', 'user', false)] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    const related = (a: string, b: string) => relatedTypeNames(ctx, a, b);
    for (const { o, r } of resourceGets(ctx)) {
      const declared = { name: `${r.type.namespace}.${r.type.name}`, collection: r.collection };
      const stated = typeKey(o.response.name), there = typeKey(r.type.name);
      // A type the docs define under a name the service does not know ("[FormatProtection](…)" for workbookFormatProtection):
      // the type's name is what differs, and metadata-type-missing reports it once, on the type's page.
      const statedInMetadata = !!ctx.csdlType('', stated);
      if (!statedInMetadata && ctx.docsType(stated)) continue;
      // The page may name the resource by its entity set or navigation property ("a collection of **secureScores** objects");
      // not when that name is a type too: "[photo](../resources/photo.md)" for a user's photo names the driveItem facet photo.
      const named = stated === there || related(stated, there) || (stated === r.segment.toLowerCase() && !statedInMetadata);
      if (named && o.response.collection === r.collection) continue;
      const docs = `${o.response.collection ? 'a collection of ' : ''}${o.response.name}`;
      const service = csdlTypeText(declared);
      // One item stated where the request line addresses the collection, and the page's example GETs an item of it
      // (`…/swapShiftsChangeRequests/{id}`): the request line is what leaves out the key.
      const item = named && !o.response.collection && r.collection ? o.exampleGets?.find((x) => canonicalPath(x, true).identity === `${o.path}/{}`) : undefined;
      out.push({
        rule: this.id, subject: o.key, field: 'response.type', args: [stated, o.response.collection ? 'collection' : 'single'],
        message: item
          ? `${o.key}: the Response section states one ${o.response.name} and the page's example GETs one (${item}), but the request line addresses ${service}: it leaves out the key`
          : `${o.key}: the Response section states ${docs}, but the path addresses ${service}`,
        docs: { ...o.response.src, value: docs }, metadata: { file: ctx.csdl.file, element: `${r.type.kind === 'entity' ? 'EntityType' : 'ComplexType'} ${declared.name}`, line: r.type.line, value: service },
      });
    }
    return out;
  },
};
