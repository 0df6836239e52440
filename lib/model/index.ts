// The project-entry model: site profiles, entries, dates, validation, profiles from TemplateData.
export * from './dates';
export * from './entry';
export * from './profile';
export * from './templatedata';
export * from './templatedata-schema';
export * from './validation';
export * from './xen-profile';
