#include "mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Pixelmill"));
    setCentralWidget(new QLabel(tr("Pixelmill"), this));
    resize(1000, 700);
}
