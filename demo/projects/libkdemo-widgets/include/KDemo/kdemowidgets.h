/* KDemo Widgets: text "widgets" for terminal programs. */
#ifndef KDEMOWIDGETS_H
#define KDEMOWIDGETS_H

#include <KDemo/kdemocore.h>
#include <KDemo/kdemowidgets_export.h>
#include <KDemo/kdemowidgets_version.h>

#include <string>

namespace KDemo
{
/* The version of the library loaded at run time. */
KDEMOWIDGETS_EXPORT const char *widgetsVersion();

/* A line of text drawn inside a frame. */
class KDEMOWIDGETS_EXPORT Label
{
public:
    explicit Label(std::string text);

    /* A label that greets someone with KDemo::greeting(). */
    static Label welcome(const std::string &who)
    {
        return Label(greeting(who));
    }

    const std::string &text() const;

    /* Three lines: the top border, the framed text, the bottom border. */
    std::string render() const;

private:
    std::string m_text;
};
}

#endif
