// What the filter controls offer: the loaded years and the registry's levels and categories.
import type { DbAdapter } from '../db/adapter';
import { LEVELS } from '../format/levels';
import { orderLevels } from '../state/filters';
import { registryFacetsSql, yearsSql } from '../sql/scope';

export interface Facets {
  years: number[];
  levels: string[];
  categories: string[];
}

export const NO_FACETS: Facets = { years: [], levels: [], categories: [] };

export async function loadFacets(db: DbAdapter): Promise<Facets> {
  const [years, facets] = await Promise.all([
    db.query<{ year: number }>(yearsSql()),
    db.query<{ facet: string; value: string }>(registryFacetsSql()),
  ]);
  return {
    years: years.map((y) => y.year),
    levels: orderLevels(facets.filter((f) => f.facet === 'level').map((f) => f.value), LEVELS),
    categories: facets.filter((f) => f.facet === 'category').map((f) => f.value).sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}
