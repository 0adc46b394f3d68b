package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * lead-persistence ships as an automatic module ({@code Automatic-Module-Name: org.leaddiversion.persistence}; it
 * cannot publish a {@code module-info} while Flyway, H2 and PgJDBC have only file-name-derived module names), so the
 * JVM exports all of its packages. The line between API and internals is kept here instead: no public or protected
 * signature of the API package reaches a type outside the API — not the jOOQ classes generated into
 * {@code org.leaddiversion.persistence.jooq}, and not jOOQ, Flyway, HikariCP or Jackson, which a host must stay free to
 * see upgraded or replaced. Allowed are the JDK, {@code javax.sql}, lead-domain's exported packages and this
 * package itself.
 */
@DisplayName("lead-persistence's public signatures reach only the JDK, lead-domain and its own API package")
class ApiSignatureTest {

    private static final String API_PACKAGE = "org.leaddiversion.persistence";

    @Test
    void no_public_signature_reaches_a_type_outside_the_api() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = publicTypesOfTheApiPackage();
        for (Class<?> type : api) {
            check(type, "extends", type.getGenericSuperclass(), leaks);
            for (Type i : type.getGenericInterfaces()) {
                check(type, "implements", i, leaks);
            }
            for (TypeVariable<?> v : type.getTypeParameters()) {
                check(type, "<" + v.getName() + ">", v, leaks);
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f)) {
                    check(type, f.getName(), f.getGenericType(), leaks);
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c)) {
                    checkExecutable(type, c, leaks);
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                    check(type, m.getName() + "()", m.getGenericReturnType(), leaks);
                    checkExecutable(type, m, leaks);
                }
            }
        }
        assertEquals(List.of(), leaks, "public signatures of " + api.size() + " API types reaching non-API types");
    }

    private static void checkExecutable(Class<?> owner, Executable e, List<String> leaks) {
        String name = (e instanceof Constructor ? "<init>" : e.getName()) + "()";
        for (Type p : e.getGenericParameterTypes()) {
            check(owner, name, p, leaks);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(owner, name + " throws", x, leaks);
        }
        for (TypeVariable<?> v : e.getTypeParameters()) {
            check(owner, name + " <" + v.getName() + ">", v, leaks);
        }
    }

    private static void check(Class<?> owner, String where, Type type, List<String> leaks) {
        if (type == null) {
            return;
        }
        Set<Class<?>> reached = new HashSet<>();
        collect(type, reached, new HashSet<>());
        for (Class<?> c : reached) {
            if (!allowed(c)) {
                leaks.add(owner.getName() + " " + where + " -> " + c.getName());
            }
        }
    }

    private static void collect(Type type, Set<Class<?>> into, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            into.add(element);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into, seen);
            if (p.getOwnerType() != null) {
                collect(p.getOwnerType(), into, seen);
            }
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, into, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, into, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, into, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), into, seen);
        }
    }

    private static boolean allowed(Class<?> c) {
        if (c.isPrimitive()) {
            return true;
        }
        String pkg = c.getPackageName();
        return pkg.startsWith("java.") || pkg.equals("javax.sql") || pkg.equals(API_PACKAGE)
                || pkg.startsWith("org.leaddiversion.domain.");
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    /** Public top-level types of the API package and their public nested types (the jooq sub-packages excluded). */
    private static List<Class<?>> publicTypesOfTheApiPackage() throws IOException, ClassNotFoundException {
        Path dir = mainClasses().resolve(API_PACKAGE.replace('.', '/'));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                    .forEach(f -> names.add(API_PACKAGE + "." + f.substring(0, f.length() - ".class".length())));
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
            if (reachable(c)) {
                types.add(c);
            }
        }
        return types;
    }

    private static boolean reachable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static Path mainClasses() {
        try {
            return Path.of(LeadDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
