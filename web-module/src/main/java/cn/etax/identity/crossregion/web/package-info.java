/** LOGIN-4 pages after the special-subject entry: the subject and its switch. */
package cn.etax.identity.crossregion.web;
