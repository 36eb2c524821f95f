package dev.jiffy.work;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * What other sources can see of a top-level type, as text: every member type, field, method and
 * constructor, private ones too, with modifiers, types, bounds, thrown types, annotations and
 * constant values, in declaration order. Method bodies, initializers that are not constants,
 * parameter names, and local and anonymous classes are left out: no other source's class files
 * depend on them. Private members are in because a source that compiles against an inaccessible
 * field or member type fails to compile rather than finding an inherited one, and constant
 * values because javac copies them into the class files that use them.
 *
 * <p>Two compiles that give a source the same text give every other source the same class
 * files, which is what lets {@link WarmCompiles} recompile only the sources that changed.
 */
final class TypeApi {
    private TypeApi() {}

    /** The text of {@code type}, read from javac's symbols once it has been analysed. */
    static String of(TypeElement type, Elements elements) {
        StringBuilder b = new StringBuilder();
        type(type, elements, b);
        return b.toString();
    }

    private static void type(TypeElement t, Elements elements, StringBuilder b) {
        b.append(t.getKind()).append(' ').append(t.getQualifiedName()).append(' ').append(t.getNestingKind());
        modifiers(t, b);
        typeParameters(t.getTypeParameters(), b);
        b.append(" extends ").append(t.getSuperclass());
        b.append(" implements ").append(t.getInterfaces());
        b.append(" permits ").append(t.getPermittedSubclasses());
        annotations(t, b);
        b.append('\n');
        for (Element e : t.getEnclosedElements()) {
            switch (e.getKind()) {
                case FIELD, ENUM_CONSTANT -> field((VariableElement) e, elements, b);
                case METHOD, CONSTRUCTOR -> method((ExecutableElement) e, b);
                case CLASS, INTERFACE, ENUM, ANNOTATION_TYPE, RECORD -> type((TypeElement) e, elements, b);
                default -> {
                    // A record component, which its field and accessor already describe.
                    b.append("  ").append(e.getKind()).append(' ').append(e.getSimpleName()).append(' ').append(e.asType());
                    annotations(e, b);
                    b.append('\n');
                }
            }
        }
        b.append("end ").append(t.getQualifiedName()).append('\n');
    }

    private static void field(VariableElement f, Elements elements, StringBuilder b) {
        b.append("  ").append(f.getKind()).append(' ').append(f.getSimpleName());
        modifiers(f, b);
        b.append(' ').append(f.asType());
        Object constant = f.getConstantValue();
        if (constant != null) {
            b.append(" = ").append(elements.getConstantExpression(constant));
        }
        annotations(f, b);
        b.append('\n');
    }

    private static void method(ExecutableElement m, StringBuilder b) {
        b.append("  ").append(m.getKind()).append(' ').append(m.getSimpleName());
        modifiers(m, b);
        typeParameters(m.getTypeParameters(), b);
        b.append(" (");
        for (VariableElement p : m.getParameters()) {
            b.append(p.asType());
            annotations(p, b);
            b.append(", ");
        }
        b.append(m.isVarArgs() ? "...)" : ")");
        b.append(" returns ").append(m.getReturnType());
        b.append(" throws ").append(m.getThrownTypes());
        if (m.isDefault()) {
            b.append(" default-method");
        }
        if (m.getDefaultValue() != null) {
            b.append(" default ").append(m.getDefaultValue());
        }
        annotations(m, b);
        b.append('\n');
    }

    private static void typeParameters(List<? extends TypeParameterElement> parameters, StringBuilder b) {
        if (!parameters.isEmpty()) {
            b.append(" <").append(parameters.stream().map(p -> p.getSimpleName() + " extends " + p.getBounds())
                    .collect(Collectors.joining(", "))).append('>');
        }
    }

    private static void modifiers(Element e, StringBuilder b) {
        for (Modifier m : e.getModifiers()) {
            b.append(' ').append(m);
        }
    }

    private static void annotations(Element e, StringBuilder b) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            b.append(' ').append(a);
        }
    }
}
