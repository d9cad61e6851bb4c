#pragma once

#include <QString>
#include <QStringList>

#include "batch/run.h"

// Everything the command line asks for, parsed and validated. The only file read here is
// --recipe's.
struct CliOptions
{
    RunOptions run;
    QString reportPath;
    QString filesFrom; // --files-from: a list of inputs, "-" for standard input (read by main)
    bool quiet = false;
};

enum class ParseOutcome { Run, Help, Version, PrintRecipe, Error };

struct ParseResult
{
    ParseOutcome outcome = ParseOutcome::Error;
    CliOptions options;
    QString message; // help text, version line, recipe JSON, or the one-line usage error
};

// `arguments` includes the program name, as QCoreApplication::arguments() does.
ParseResult parseCommandLine(const QStringList &arguments);
