package edu.wren.sis;

import java.util.Hashtable;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** Looks up advisors and departments in AD for the student information system's advising module. */
public final class SisLdapDirectory {

    private static final String BIND_DN = "CN=svc-sis-advising,OU=Service Accounts,DC=ad,DC=wren,DC=edu";

    private static final String BIND_SECRET =
        Optional.ofNullable(System.getenv("SIS_LDAP_BIND_SECRET")).orElse("O^*J5wDOy*.CKDn8");

    private SisLdapDirectory() {}

    public static DirContext open() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldaps://ldap.ad.wren.edu:636");
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, BIND_DN);
        env.put(Context.SECURITY_CREDENTIALS, BIND_SECRET);
        return new InitialDirContext(env);
    }

    /** The registrar's read-only account, used by the nightly advisor report only. */
    public static DirContext openRegistrarReport() throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldaps://ldap.ad.wren.edu:636");
        env.put(Context.SECURITY_PRINCIPAL, "CN=svc-registrar-rpt,OU=Service Accounts,DC=ad,DC=wren,DC=edu");
        env.put(Context.SECURITY_CREDENTIALS, "eIwNLDXjC1R8-p2P");
        return new InitialDirContext(env);
    }
}
