#include <QApplication>

#include "mainwindow.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Pixelmill"));
    QApplication::setOrganizationName(QStringLiteral("Pixelmill"));
    MainWindow window;
    window.show();
    return QApplication::exec();
}
