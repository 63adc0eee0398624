/**
 * The validation rules behind {@link dev.prismaspring.schema.SchemaValidator}, ported from Prisma's
 * {@code parser-database} and {@code psl-core} crates, each emitting Prisma's messages in Prisma's order.
 *
 * <p>{@link dev.prismaspring.schema.validate.SchemaValidation} runs the phases; each is a class sharing one
 * {@code ValidationContext} (syntax tree, diagnostics, working models and enums, configuration) through
 * {@code ValidationPhase}:
 * <ol>
 *   <li>resolution (Prisma's parser database): {@code NameResolution}, {@code TypeResolution},
 *       {@code AttributeResolution} (with {@code RelationAttributes}, {@code KeyAttributes}, {@code DefaultAttribute}
 *       and {@code FieldReferences}), {@code RelationInference};</li>
 *   <li>configuration: {@code ConfigValidation} (datasource and generators);</li>
 *   <li>only if nothing failed so far, the {@code ValidationPipeline}: {@code DatabaseNames},
 *       {@code DefaultValueValidation}, per model {@code ModelValidation} (with {@code IndexValidation},
 *       {@code ViewValidation}, {@code RelationFieldValidation}), then per relation {@code RelationValidation}
 *       (with {@code ReferentialCycles} and {@code ImplicitManyToManyValidation});</li>
 *   <li>{@code DatamodelBuilder} turns the working state into the {@link dev.prismaspring.schema.Datamodel}.</li>
 * </ol>
 * Native types and the provider-dependent key and index rules come from {@link dev.prismaspring.schema.nativetypes}.
 */
package dev.prismaspring.schema.validate;
