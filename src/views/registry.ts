// The app's views: route id → component and nav label. Adding a view is one line here.
import type { Component } from 'svelte';
import type { StringKey } from '../lib/i18n/strings';
import Overview from './overview/Overview.svelte';
import Import from './import/Import.svelte';
import Compliance from './compliance/Compliance.svelte';
import Trends from './trends/Trends.svelte';
import Refusals from './refusals/Refusals.svelte';
import Compare from './compare/Compare.svelte';
import Agency from './agency/Agency.svelte';
import Agencies from './agencies/Agencies.svelte';

export interface ViewDef {
  id: string;
  label: StringKey;
  component: Component;
  /** shown in the top navigation (the agency page is reached from links instead) */
  nav: boolean;
}

export const VIEWS: ViewDef[] = [
  { id: 'overview', label: 'nav_overview', component: Overview, nav: true },
  { id: 'trends', label: 'nav_trends', component: Trends, nav: true },
  { id: 'refusals', label: 'nav_refusals', component: Refusals, nav: true },
  { id: 'compare', label: 'nav_compare', component: Compare, nav: true },
  { id: 'compliance', label: 'nav_compliance', component: Compliance, nav: true },
  { id: 'agency', label: 'nav_agency', component: Agency, nav: false },
  { id: 'agencies', label: 'nav_agencies', component: Agencies, nav: true },
  { id: 'import', label: 'nav_import', component: Import, nav: true },
];

export function viewFor(id: string): ViewDef {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0];
}
