/**
 * Success statuses: a Response section names its error codes too ("… returns a `403 Forbidden` response code if the
 * caller lacks permissions"); what the call answers when it succeeds is the codes below 400 (a 302 redirect to a
 * download included). One reading for the extraction, the model's rules and the emitters.
 */
export function successStatuses<S extends { code: number }>(statuses: readonly S[] | undefined): S[] {
  return (statuses ?? []).filter((s) => s.code < 400);
}

/** Every success status named is 204 No Content (and there is one): the call answers with no body. */
export function onlyNoContent(statuses: readonly { code: number }[] | undefined): boolean {
  const ok = successStatuses(statuses);
  return ok.length > 0 && ok.every((s) => s.code === 204);
}

/**
 * A body named beside "no body" that belongs to another success status the section names: Planner's updates return
 * `204 No Content` "and empty content", or "a `200 OK` response code and updated [plannerBucket] object" when asked
 * (`Prefer: return=representation`); the printer update, `200 OK` with the printer for delegated calls, `204` for
 * applications. The 204 has no body and that status has the named one. (A 204 alone with a body is the page
 * contradicting itself: response-no-content-with-body.)
 */
export function bodyOnOtherStatus(r: { noBody?: boolean; bodyType?: unknown; statuses?: readonly { code: number }[] } | undefined): boolean {
  return !!r?.noBody && !!r.bodyType && successStatuses(r.statuses).some((s) => s.code >= 200 && s.code < 300 && s.code !== 204);
}
