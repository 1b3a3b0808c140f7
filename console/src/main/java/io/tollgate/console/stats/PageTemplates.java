package io.tollgate.console.stats;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Thymeleaf engine that draws the page from {@code templates/} on the class path. The page
 * inlines its stylesheet and script (no second request, no CDN), which are templates too, read
 * in CSS and JavaScript modes so that they are inserted as they are rather than escaped as text.
 */
final class PageTemplates {
    static final String PAGE = "stats/page.html";

    private PageTemplates() {
    }

    static TemplateEngine create() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageTemplates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.getCSSTemplateModePatternSpec().addPattern("*.css");
        resolver.getJavaScriptTemplateModePatternSpec().addPattern("*.js");
        resolver.setCacheable(true); // parsed once: the templates are in the jar and never change
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
