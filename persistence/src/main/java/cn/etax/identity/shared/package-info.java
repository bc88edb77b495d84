/**
 * The shared kernel: the base exception and the value objects every context speaks of (identity documents,
 * mobile numbers, masking). Nothing here touches the database or the container.
 *
 * <p>Glossary: 证件类型 {@link cn.etax.identity.shared.IdType}, 证件号码 {@link cn.etax.identity.shared.IdDocument},
 * 脱敏 {@link cn.etax.identity.shared.Masking}.
 */
package cn.etax.identity.shared;
