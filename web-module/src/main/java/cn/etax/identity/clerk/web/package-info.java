/** Faces pages of the tax-office staff console under {@code /clerk/} (§8); bundle keys {@code clerk.*}. */
package cn.etax.identity.clerk.web;
