package cn.etax.identity.crossregion.application;

/**
 * How a person comes to a cross-region subject (LOGIN-4): the legal representative, the finance officer or a tax
 * officer of the taxpayer (主身份) sees all its subjects; the handler the report form names (子身份办税人, 外经证上载明的经办人)
 * only those that name him.
 */
public enum CrossRegionRole {
    MAIN, HANDLER
}
