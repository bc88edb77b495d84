/**
 * LOGIN-4 特定主体: which cross-region subjects of a taxpayer a person may enter, and the identity he then acts in.
 */
package cn.etax.identity.crossregion.application;
